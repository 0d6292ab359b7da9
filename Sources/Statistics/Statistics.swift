// Statistics module (being written).
