"""`judikg serve`: a read-only SPARQL 1.1 Protocol endpoint and Linked Data pages over the store.

``app`` holds the WSGI application, ``sparql`` the protocol (parsing requests, formats, errors),
``workers`` the killable query processes that make timeouts real, ``linked_data`` the entity
pages (also used to write static pages), ``conneg`` content negotiation.
"""
