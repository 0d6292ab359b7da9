// Experiments module (being written).
