input-expect-text = Please type your answer as text.
error-invalid-input-not-a-number = A number is needed, for example 150. Type digits only.
error-invalid-input-out-of-range = A number from { $minimum } to { $maximum } is needed.
error-invalid-input-too-precise = At most two decimal places (kopecks).
error-invalid-input-bad-hours = I didn't understand the hours. Type them like <code>09:00-21:00</code> or <code>10-22</code>.
error-invalid-input-far-location = Couldn't tell the timezone from this point. Please pick it from the list.
error-invalid-input-bad-coordinates = Odd coordinates. Please send the point on the map again.
error-invalid-input-expect-place = Send a point on the map (📎 → Location) or type the address as text.
