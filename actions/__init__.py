"""Rasa SDK adapters over the account service (`account/`) and the readers of words
(`reading/`): they translate slots into calls of the service and its results into responses. No rule of the procedure is written here.

What an action can read of the history is limited: the Rasa server sends the action server only
the events from the user message before the latest one on (`events_for_actions` in
rasa_patches/action_call.py), with every slot, the latest message and the active form whole.
`tracker.events` and `tracker.get_last_event_for` reach no further back: anything older must be
kept in a slot. (actions/pending.py reads the question the latest message answers, which lies
within that window.) Widen `events_for_actions` if an action ever needs to look further back."""
