"""Conversation locks in Redis, safe for several Rasa servers.

Rasa takes a ticket for each message of a conversation and handles the message when its ticket
is first in line. Rasa 3.6's RedisLockStore reads the ticket list, changes it in Python and
writes it back in separate commands: two servers taking a ticket at the same moment read the
same list and get the same ticket, and handle the conversation at once (its turns interleave in
the tracker store); a server ending its turn can also delete a ticket another one just took.
Here each change is one optimistic Redis transaction (WATCH, MULTI, EXEC), read again and
retried when another server changed the list in between. (Rasa Pro's ConcurrentRedisLockStore
answers the same problem; Rasa Open Source has none.)
"""

from __future__ import annotations

import json
from typing import Any, Callable, Optional

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

# A change of the stored lock: gets it (None: there is none), returns the lock to store (None:
# delete it) and what the caller gets.
Change = Callable[[Optional[TicketLock]], "tuple[Optional[TicketLock], Any]"]


class AtomicRedisLockStore(RedisLockStore):
    """`lock_store: {type: transcripts.locks.AtomicRedisLockStore, url: HOST, port, db,
    username, password, ...}`: the keys of Rasa's `redis` lock store."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **options) -> None:
        # Rasa builds a lock store of a custom type from its endpoint configuration alone.
        if endpoint_config is not None:
            options = {
                "host": endpoint_config.url or "localhost",
                **endpoint_config.kwargs,
                **options,
            }
        super().__init__(**options)

    def _change(self, conversation_id: str, change: Change) -> Any:
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as transaction:
            while True:
                try:
                    transaction.watch(key)
                    stored = transaction.get(key)
                    lock, result = change(
                        TicketLock.from_dict(json.loads(stored)) if stored else None
                    )
                    transaction.multi()
                    if lock is None:
                        transaction.delete(key)
                    else:
                        transaction.set(key, lock.dumps())
                    transaction.execute()
                    return result
                except redis.WatchError:
                    continue  # another server changed this lock meanwhile

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take(lock: Optional[TicketLock]):
            lock = lock if lock is not None else self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, take)
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        def drop_expired(lock: Optional[TicketLock]):
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, drop_expired)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Give the ticket back, and delete the lock if no other ticket is left, in one step."""

        def give_back(lock: Optional[TicketLock]):
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return (lock if lock is not None and lock.is_someone_waiting() else None), None

        self._change(conversation_id, give_back)
