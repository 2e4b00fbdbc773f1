""" "✨ Fill the week": pick objects and a week, read the draft and why places stay empty,
drop single assignments, publish in one tap."""
