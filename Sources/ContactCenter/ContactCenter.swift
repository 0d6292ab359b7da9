// ContactCenter module (being written).
