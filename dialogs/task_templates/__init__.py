"""Task templates of an object: owners and managers with `edit_objects` add and remove them."""
