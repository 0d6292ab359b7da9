print("ccsim-bench")
