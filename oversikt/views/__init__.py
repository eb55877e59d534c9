"""The overview's pages: the public one (`offentlig`) and the ALIS-kontor's region (`region`)."""
