"""Deterministic news-style English corpora composed from our own sentence templates.

The templates carry what makes segmentation hard in Cambodian English-language news: titles and
abbreviations (Mr., Lt. Gen., H.E., No., Sept., a.m., U.S.), decimals and currency, quotations of
several sentences with attribution, parentheses, e-mail addresses and web sites, headlines.
"""

from __future__ import annotations

import random

PEOPLE = [
    "Mr. Chan Sophal", "Dr. Keo Rattana", "Lt. Gen. Sok Vuthy", "H.E. Men Sopheap", "Mrs. Lim Dara",
    "Gov. Kuy Sokha", "Prof. Nhem Visal", "Ms. Chea Sreymom", "Gen. Tea Sokhon", "Mr. Ouk Rithy",
]
PLACES = [
    "Takeo province", "Kampong Cham", "Battambang", "Siem Reap", "Kratie", "Phnom Penh",
    "Preah Vihear", "Svay Rieng", "Kampot", "the U.S.", "the E.U.", "Stung Treng",
]
BODIES = [
    "the Ministry of Public Works", "the Ministry of Rural Development", "the U.N. Development Programme",
    "the provincial council", "the Asian Development Bank", "the National Assembly",
    "Angkor Roads Co. Ltd.", "the Ministry of Economy and Finance",
]
THINGS = ["roads", "bridges", "canals", "schools", "clinics", "water pumps", "markets", "drainage"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]

SENTENCES = [
    "{Body} said on {day} it would spend ${amount} million on {thing} in {place}.",
    "The budget for {thing} rose by {pct} per cent to {riel} billion riel this year.",
    "{person} told reporters the work would finish by {month} {date}.",
    "“We need more {thing}. Our farmers cannot reach the market,” said {person}, a village chief.",
    "“Who will pay for the {thing}?” {person} asked at the meeting on {day}.",
    "Work on National Road No. {road} began at {hour} a.m. and stopped at {hour2} p.m. because of rain.",
    "The project ({pct} per cent complete) is funded by {body}.",
    "Officials visited {place} on {day}. (The visit was not announced in advance.)",
    "Details are posted on www.example.gov.kh and questions can be sent to info@example.gov.kh.",
    "Exports to the U.S. rose {pct} per cent, according to {body}.",
    "{person} said the {thing} in {place} were in poor condition, e.g. cracked and flooded.",
    "Prices of rice, fish, salt, etc. have risen since {month} {date}.",
    "“The money is ready. The contractors are ready. Now we need the rain to stop,” {person} said.",
    "About {count} families in {place} will benefit, the report said.",
    "The loan of US${amount} million must be repaid within {years} years at {rate}% interest.",
    "Asked whether the deadline was realistic, {person} said: “It is difficult … but possible.”",
]
HEADLINES = [
    "{body_title} approves money for {thing}",
    "Rain delays work on {thing} in {place}",
    "Villagers welcome new {thing}",
]


def _fill(template: str, rng: random.Random) -> str:
    body = rng.choice(BODIES)
    text = template.format(
        Body=body[0].upper() + body[1:],
        body=body,
        body_title=body.replace("the ", "").title(),
        person=rng.choice(PEOPLE),
        place=rng.choice(PLACES),
        thing=rng.choice(THINGS),
        day=rng.choice(DAYS),
        month=rng.choice(MONTHS),
        date=rng.randint(1, 28),
        amount=f"{rng.randint(1, 90)}.{rng.randint(0, 9)}",
        pct=f"{rng.randint(1, 40)}.{rng.randint(0, 9)}",
        riel=f"{rng.randint(1, 900):,}",
        road=rng.randint(1, 80),
        hour=rng.randint(6, 10),
        hour2=rng.randint(1, 5),
        count=f"{rng.randint(100, 20000):,}",
        years=rng.randint(5, 30),
        rate=f"{rng.randint(1, 5)}.{rng.randint(0, 9)}",
    )
    # "... Co. Ltd." or "the U.S." at the end of a sentence takes no second period.
    return text[:-1] if text.endswith("..") else text


def news_corpus(size: int, seed: int = 20261125) -> str:
    """About *size* characters of news paragraphs (blank-line separated), headline now and then."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    while total < size:
        if rng.random() < 0.15:
            block = _fill(rng.choice(HEADLINES), rng)
        else:
            block = " ".join(_fill(rng.choice(SENTENCES), rng) for _ in range(rng.randint(2, 5)))
        parts.append(block)
        total += len(block) + 2
    return "\n\n".join(parts) + "\n"
