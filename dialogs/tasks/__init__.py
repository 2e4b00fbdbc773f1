"""The employee's checklist of the open shift: mark tasks done, send photo/video proof."""
