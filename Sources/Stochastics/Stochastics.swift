// Stochastics module (being written).
