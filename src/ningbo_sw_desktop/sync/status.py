"""The sync page's overview: each trusted device, what it acknowledged, what arrived from it, what needs a look."""

from __future__ import annotations

from . import ledger
from .keys import device_keys, list_peers


def sync_status(db) -> dict:
    """Peers with their last bundles both ways and gaps; counts of open conflicts, quarantined and waiting records."""
    from .conflicts import list_conflicts
    from .quarantine import list_quarantine
    from .waiting import waiting_records

    me = device_keys(db).fingerprint
    peers = []
    for peer in list_peers(db):
        last_in = db.execute("SELECT sequence, imported_at FROM sync_ledger WHERE origin_fp = ? ORDER BY sequence DESC"
                             " LIMIT 1", [peer.fingerprint]).fetchone()
        last_out = db.execute("SELECT sequence, created_at FROM sync_sent WHERE recipient_fp = ? ORDER BY sequence"
                              " DESC LIMIT 1", [peer.fingerprint]).fetchone()
        peers.append({**peer.as_dict(), "last_imported": list(last_in) if last_in else None,
                      "last_sent": list(last_out) if last_out else None,
                      "missing_sequences": ledger.missing_sequences(db, peer.fingerprint, me)})
    return {"peers": peers, "conflicts": sum(len(r.fields) for r in list_conflicts(db)),
            "quarantined": len(list_quarantine(db)), "waiting": len(waiting_records(db, limit=10_000))}
