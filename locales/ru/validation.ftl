input-expect-text = Пожалуйста, напишите ответ текстом.
error-invalid-input-not-a-number = Нужно число, например 150. Напишите только цифры.
error-invalid-input-out-of-range = Нужно число от { $minimum } до { $maximum }.
error-invalid-input-too-precise = Не больше двух знаков после запятой (копейки).
error-invalid-input-bad-hours = Не понял часы. Напишите так: <code>09:00-21:00</code> или <code>10-22</code>.
error-invalid-input-far-location = По этой точке не получилось определить часовой пояс. Выберите его из списка.
error-invalid-input-bad-coordinates = Странные координаты. Отправьте точку на карте ещё раз.
error-invalid-input-expect-place = Отправьте точку на карте (📎 → Геопозиция) или напишите адрес текстом.
