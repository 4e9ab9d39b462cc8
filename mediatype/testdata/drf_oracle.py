"""Record DRF 3.14 DefaultContentNegotiation.select_renderer on random Accept
headers, for mediatype's TestDRFOracle (drf_oracle.jsonl).

Run with the Debian oracle (python3-djangorestframework 3.14, python3-django 3.2):

    /usr/bin/python3 drf_oracle.py > drf_oracle.jsonl

Each line: offers (renderer media types in order), accept, drf (DRF's answer:
index and accepted media type, or the exception name), and want: the answer
with DRF's set iteration replaced by header order and the tokens DRF raises on
removed (what restframe documents), or null for 406.
"""
import json
import random

import django
from django.conf import settings

settings.configure(DEBUG=False, SECRET_KEY='x', ALLOWED_HOSTS=['*'], INSTALLED_APPS=['rest_framework'])
django.setup()

from rest_framework import exceptions  # noqa: E402
from rest_framework.negotiation import DefaultContentNegotiation  # noqa: E402
from rest_framework.request import Request  # noqa: E402
from rest_framework.test import APIRequestFactory  # noqa: E402
from rest_framework.utils.mediatypes import _MediaType, media_type_matches, order_by_precedence  # noqa: E402

TYPES = ['application/json', 'text/html', '*/*', 'text/*', 'application/*', 'image/png', 'image/*',
         'APPLICATION/Json', '*', '', 'garbage', '*/json', 'text/plain', 'application/xml', ' application/json ',
         'text / html', 'a/b/c', 'image/jpeg', 'application/openapi+json', 'Text/HTML', 'text/html ',
         'application/jsön', '\ttext/html', 'text/html\t', '"a;b"/c', 'te"xt/ht"ml', 'text/ *']
PARAMS = ['q=0.5', 'q=0', 'Q=1', 'indent=4', 'indent=8', 'INDENT=2', 'indent="4"', 'charset=utf-8',
          'version=2.0', 'x', '', 'level=1', 'a="b;c"', 'a="b\\"c"', 'a="x\\\\"', ' foo = bar ',
          "x*=utf-8''caf%C3%A9", 'q', '=v', 'q=abc', 'indent=4 ', 'x=é', 'ñ=1', "x*=bogus''a%20b",
          "x*=latin-1'en'caf%E9", "x*=a'b", 'y="a\tb"', 'q*=0.5', '"=x', 'a="', 'b="c;d']
OFFERS = [
    ['application/json', 'text/html'], ['text/html', 'application/json'], ['application/json'], ['image/*'],
    ['application/json; indent=8', 'text/html'], ['*/*'], ['text/plain', 'application/json', 'text/html'],
    ['application/openapi+json;version=2.0', 'application/json'], ['image/jpeg', 'text/html'],
]


class Renderer:
    format = 'x'

    def __init__(self, media_type):
        self.media_type = media_type


def parses(token):
    try:
        _MediaType(token)
        return True
    except Exception:
        return False


def header_order(offers, tokens):
    """select_renderer with each precedence set iterated in header order."""
    for bucket in order_by_precedence(tokens):
        for i, offer in enumerate(offers):
            for tok in tokens:
                if tok in bucket and media_type_matches(offer, tok):
                    wrapper = _MediaType(tok)
                    if _MediaType(offer).precedence > wrapper.precedence:
                        return [i, ';'.join((offer,) + tuple('{}={}'.format(k, v) for k, v in wrapper.params.items()))]
                    return [i, tok]
    return None


def main():
    random.seed(20261121)
    factory = APIRequestFactory()
    negotiation = DefaultContentNegotiation()
    for _ in range(1000):
        tokens = []
        for _ in range(random.randint(1, 4)):
            t = random.choice(TYPES)
            for _ in range(random.choice([0, 0, 1, 1, 2, 3])):
                t += random.choice([';', '; ', ' ;']) + random.choice(PARAMS)
            tokens.append(t)
        accept = random.choice([',', ', ', ' , ']).join(tokens)
        offers = random.choice(OFFERS)
        renderers = [Renderer(m) for m in offers]
        request = Request(factory.get('/', HTTP_ACCEPT=accept))
        try:
            renderer, accepted = negotiation.select_renderer(request, renderers)
            drf = {'index': renderers.index(renderer), 'media_type': accepted}
        except exceptions.NotAcceptable:
            drf = {'error': 'NotAcceptable'}
        except Exception as exc:  # DRF crashes: restframe skips the bad tokens
            drf = {'error': type(exc).__name__}
        stripped = [t.strip() for t in accept.split(',')]
        want = header_order(offers, [t for t in stripped if parses(t)])
        print(json.dumps({'offers': offers, 'accept': accept, 'drf': drf, 'want': want}, ensure_ascii=False))


main()
