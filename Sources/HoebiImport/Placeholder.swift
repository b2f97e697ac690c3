enum _PlaceholderHoebiImport {}
