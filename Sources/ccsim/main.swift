print("ccsim")
