media-settings-title =
    🗂 <b>Photo and document storage</b>

    Task proofs: { $task_proof_mode ->
        [storage] in our storage
        [both] in Telegram and in our storage
       *[telegram] in Telegram only
    }
    Shift cancellation documents: { $cancellation_document_mode ->
        [storage] in our storage
        [both] in Telegram and in our storage
       *[telegram] in Telegram only
    }
    Employee documents: { $employee_document_mode ->
        [storage] in our storage
        [both] in Telegram and in our storage
       *[telegram] in Telegram only
    }

    Choose what to set up:
media-settings-storage-locked = ℹ️ On the { $tariff } plan files are kept in Telegram only. Storage comes with the Pro and Business plans.
media-settings-context-task-proof = 📸 Task proofs
media-settings-context-cancellation-document = 📄 Cancellation documents
media-settings-context-employee-document = 🪪 Employee documents
media-settings-choose-mode =
    { $context ->
        [cancellation_document] 📄 Cancellation documents
        [employee_document] 🪪 Employee documents
       *[task_proof] 📸 Task proofs
    }
    Now: { $current_mode ->
        [storage] in our storage
        [both] in Telegram and in our storage
       *[telegram] in Telegram only
    }

    Where should the files be kept?
media-settings-mode-telegram = 💬 Telegram only
media-settings-mode-storage = 🗄 Our storage
media-settings-mode-both = 🔁 Both

error-media-storage-unavailable = File storage is unavailable right now. Your photos are kept — press "Done" again a little later.
error-media-object-not-found = File not found.
error-media-storage-unsupported = This storage cannot do that.
error-media-flow-expired = The time to send files has run out (1 hour). Please start again.
error-media-limit = This file cannot be accepted.
error-media-limit-items = No more than { $max_items } files. The extra ones were not saved.
error-media-limit-size = The file is too large: { $max_size_mb } MB at most.
error-media-limit-type = Only photos and videos are accepted here.
error-media-limit-comment = The comment is too long: { $max_length } characters at most.
error-media-flow-incomplete = Please send at least { $min_items } photo or video.
error-media-flow-busy = The files are being saved, please wait a moment.
error-media-storage-mode-not-allowed = Storage is not available on the { $tariff } plan. Upgrade to Pro or Business.
