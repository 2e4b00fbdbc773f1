invites-quick = ⚡ Employee: link and QR
invites-quick-object = ⚡ Which location are you inviting to? The link works for 30 days, for up to 50 people.
invites-qr = 🖨 QR code
invites-qr-caption =
    The invite's QR code: print it for the counter, or forward the link.
    { $link }
