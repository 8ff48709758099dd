"""The parts of :mod:`toolkit.segment`: rules as data, layout (paragraphs, wraps), English boundaries."""
