enum _PlaceholderHoebiRender {}
