"""All of r2desk's Qt code lives in this package; the core never imports it."""
