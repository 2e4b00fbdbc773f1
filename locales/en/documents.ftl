# Employee documents: required kinds, uploads, review, expiry.

menu-my-documents = 🗂 My documents
menu-documents-to-check = 🗂 Documents to check
menu-document-kinds = 🗂 Required documents

documents-default-passport = Passport
documents-default-medical-book = Medical book
documents-default-inn = Tax number (INN)

documents-all-objects = all objects
documents-kind-line = • { $title }{ $expiry ->
        [1] {" "}(with an expiry date)
       *[0] {""}
    } — { $objects }
documents-kinds-title =
    🗂 <b>Required documents</b>

    Employees upload photos or PDFs in the bot; you or the managers check them.
    { $lines }

    A dismissed employee's documents are kept { $retention_days } days after the last working day, then deleted.
documents-kinds-none = Nothing is required yet. Add a document from the list or your own.
documents-add-preset = ➕ { $title }
documents-add-other = ➕ Another document
documents-retention-button = 🕓 Keep for: { $retention_days } days
documents-ask-title = What is the document called? For example: "Police clearance certificate".
documents-ask-expiry-kind = Does this document have an expiry date? Then the employee enters it and the bot reminds 30 and 7 days before.
documents-with-expiry = 📅 Yes, it expires
documents-without-expiry = No expiry
documents-kind-card =
    🗂 <b>{ $title }</b>{ $expiry ->
        [1] {" "}(with an expiry date)
       *[0] {""}
    }

    { $everywhere ->
        [1] Required at every object. Tick objects if only some of them need it.
       *[0] Required at the ticked objects. Tap an object to add or remove it.
    }
documents-everywhere = 🌐 At every object
documents-delete-kind = 🗑 No longer require
documents-ask-retention = How many days to keep a dismissed employee's documents? Now: { $retention_days }. Type a number from 1 to 3650.
documents-kind-added = ✅ Added "{ $title }".
documents-kind-deleted = 🗑 The document is no longer required.
documents-retention-set = ✅ Dismissed employees' documents will be kept { $days } days.

documents-my-title = 🗂 <b>My documents</b>

    Choose a document to upload its photos or PDF.
documents-my-none = Your employer does not require any documents yet.
documents-my-rejections = { $lines }
documents-my-row = { $icon } { $title } — { $expired ->
        [1] expired { $expires_on }
       *[0] { $status ->
            [pending] being checked
            [approved] { $dated ->
                [0] accepted
               *[other] accepted, valid until { $expires_on }
            }
            [rejected] rejected
           *[missing] not uploaded
        }
    }
documents-rejected-line = ❌ "{ $title }" was rejected: { $reason }
documents-upload =
    📎 Send photos of the document (every page) or a PDF file — up to { $max_items } files.
    Uploaded: { $count }.
documents-upload-expired = ⌛ This upload has expired (more than an hour passed). Cancel and start again.
documents-upload-done = ✅ Done
documents-upload-cancel = ✖️ Cancel
documents-ask-expiry-date = 📅 Until what date is the document valid? Type the date, e.g. 31.12.2027.
documents-sent = 📨 "{ $title }" was sent for checking. The answer will come here.

documents-check-title = 🗂 <b>Documents to check</b>
staff-documents = 🗂 Documents
documents-member-title =
    🗂 <b>The employee's documents</b>

    Choose a document to see its files.
documents-check-none = No new documents.
documents-check-card =
    🗂 <b>{ $title }</b> — { $employee }
    { $dated ->
        [0] No expiry date.
       *[other] Valid until { $expires_on }.
    }
    Files: { $files } (sent above).
    { $status ->
        [pending] Waiting for a decision.
        [approved] Accepted.
        [rejected] Rejected.
       *[other] Replaced by a newer one.
    }
documents-approve = ✅ Accept
documents-reject = ❌ Reject
documents-ask-reason = Why is the document rejected? The employee reads this — say what to fix.
documents-approved = ✅ The document is accepted; the employee has been told.
documents-rejected = ❌ The document is rejected; the employee got the reason.

error-document-expired = ⛔ The document "{ $title }" expires on { $expires_on }: shifts at this object after that date cannot be booked. Upload a new one in "🗂 My documents".
error-document-not-pending = This document has already been checked.
error-document-expiry-required = Say until what date the document is valid.
error-document-file-type = Send a photo or a PDF file — other files do not fit.
error-invalid-input-document-kind-exists = This document is already on the list.
error-invalid-input-document-date-past = That date has passed — the document has expired. Upload a valid one.

notify-kind-document_to_check = Employee documents to check
notify-document_to_check = 🗂 { $employee } sent a document to check: "{ $title }". Open "🗂 Documents to check" in the menu.
notify-document_reviewed = { $status ->
        [approved] ✅ Your document "{ $title }" was accepted.
       *[rejected] ❌ Your document "{ $title }" was rejected: { $reason }. Upload it again in "🗂 My documents".
    }
notify-document_expiring = ⏳ { $own ->
        [1] Your document "{ $title }" expires on { $expires_on } (in { $days } days). Upload a new one in "🗂 My documents": with an expired one you cannot book shifts.
       *[0] { $employee }'s document "{ $title }" expires on { $expires_on } (in { $days } days).
    }
