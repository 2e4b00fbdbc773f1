common-back = ⬅️ Back
common-cancel = ✖️ Cancel
common-something-went-wrong = Something went wrong. We have been told — please try again in a minute.
common-outdated-screen = This screen is out of date (the bot was updated or the data changed). Here is the main menu.
common-unknown-command = I didn't understand that message. Please use the buttons below.
common-slow-down = You are sending messages too fast — I'll skip the next few. Please wait a few seconds.

error-domain = That could not be done.
error-not-found = Not found: it may have been deleted.
error-permission-denied = You don't have permission to do that.
error-invalid-input = Please check what you entered.
error-invalid-input-empty = This can't be empty. Please type some text.
error-invalid-input-too-long = Too long: at most { $limit } characters.
error-invalid-input-unknown = Unknown timezone. Please choose one from the list.

command-start = Start and open the menu
command-menu = Main menu
command-settings = Settings and language
