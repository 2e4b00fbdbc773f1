"""Ratings and reviews (C18): managers rate finished shifts, employees review objects;
time-weighted averages; moderation of texts with contacts, links or insults; one appeal
within 72 hours; who may see what (anonymous reviews from three up, ratings in other
organizations only by the candidate's consent)."""
