// Scenarios module (being written).
