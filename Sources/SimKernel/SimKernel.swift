// SimKernel module (being written).
