// Analytics module (being written).
