## Announcements (C22)
menu-announcements = 📢 Announcements
announcements-title = 📢 <b>Announcements</b>
    The latest announcements and how many people have read them. Tap one to see who has not.
announcements-none = No announcements yet.
announcements-posted-item = { $preview } · { $needs_ack ->
        [yes] ✅ { $read } of { $total }
       *[no] sent to { $total }
    }
announcements-new = ➕ New announcement
announcements-receipts =
    📢 { $text }

    { $needs_ack ->
        [yes] Read by { $read } of { $total }.
       *[other] Sent to { $total } people (no confirmation asked).
    }
announcements-pending = Not read yet: { $pending }
announcements-audience = Who is the announcement for?
announcements-everyone = 👥 All staff
announcements-some-objects = 🏪 Staff of some objects…
announcements-pick-objects = Tick the objects whose staff get the announcement:
announcements-next = ➡️ Next
announcements-compose = Type the announcement. You can send a photo or a file with a caption.
announcements-preview =
    📢 <b>What the staff will see:</b>
    { $text }
announcements-ack-on = ✅ Ask for "Got it": yes
announcements-ack-off = ⬜ Ask for "Got it": no
announcements-send = 📨 Send
announcements-edit = ✏️ Change the text
announcements-sent = ✅ Announcement sent. Messages go out gradually, within Telegram's limits.
announcements-read =
    📢 <b>Announcement</b> · { $author }, { $date }
    { $text }
announcements-already-acked = ✅ You confirmed you have read it.
announcements-got-it = ✅ Got it
announcements-acknowledged = ✅ Noted. There is another unread announcement:
announcements-home-unread = 📢 <b>Unread announcements: { $unread_announcements }</b> — “{ $latest_unread }”
announcements-home-open = 📢 Read the announcements ({ $unread_announcements })
announcements-open-button = 📢 Open in the bot
notify-announcement =
    📢 <b>Announcement</b> from { $author }
    { $text }
error-invalid-input-announcement-empty = Type the announcement's text (a caption for a photo or a file).
error-invalid-input-announcement-media = You can attach a photo or a file.
announcements-all-read = All announcements are read.
