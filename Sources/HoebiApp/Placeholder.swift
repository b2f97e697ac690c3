enum _PlaceholderHoebiApp {}
