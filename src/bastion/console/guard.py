"""What stands before every console handler: a live session (else the sign-in page), an admin
one for admin pages (else 403), a same-origin form with the session's CSRF token for every
change (else 403), and store failures shown as pages, not tracebacks."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from sqlalchemy.exc import DBAPIError
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bastion.console.forms import Form, FormError, read_form
from bastion.console.render import SECURITY_HEADERS, Pages
from bastion.console.session import Sessions, Viewer, same_token
from bastion.store.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    StoreUnavailableError,
)

log = logging.getLogger(__name__)

PageHandler = Callable[[Request, Viewer], Awaitable[Response]]
ActionHandler = Callable[[Request, Viewer, Form], Awaitable[Response]]
Endpoint = Callable[[Request], Awaitable[Response]]


def redirect(path: str) -> Response:
    return RedirectResponse(path, 303, headers=SECURITY_HEADERS)


class Guard:
    def __init__(self, sessions: Sessions, pages: Pages) -> None:
        self._sessions = sessions
        self._pages = pages

    def page(self, handler: PageHandler, *, admin: bool = True) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            return await self._run(request, admin, lambda viewer: handler(request, viewer))

        return endpoint

    def action(self, handler: ActionHandler, *, admin: bool = True) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            async def checked(viewer: Viewer) -> Response:
                if not same_origin(request):
                    return self._pages.error(viewer, 403, "This form came from another site.")
                form = await read_form(request)
                if not same_token(form.get("csrf"), viewer.csrf):
                    return self._pages.error(
                        viewer,
                        403,
                        "The form's security token is missing or wrong; reload "
                        "the page and try again.",
                    )
                return await handler(request, viewer, form)

            return await self._run(request, admin, checked)

        return endpoint

    async def _run(
        self, request: Request, admin: bool, then: Callable[[Viewer], Awaitable[Response]]
    ) -> Response:
        viewer: Viewer | None = None
        try:
            state = await self._sessions.state(request)
            viewer = state.viewer
            if viewer is None:
                return redirect("/console/login?expired=1" if state.expired else "/console/login")
            if admin and not viewer.is_admin:
                return self._pages.error(viewer, 403, "This page is for admin keys only.")
            return await then(viewer)
        except FormError as exc:
            return self._pages.error(viewer, exc.status, exc.message)
        except NotFoundError as exc:
            return self._pages.error(viewer, 404, _sentence(str(exc)))
        except ConflictError as exc:
            return self._pages.error(viewer, 409, _sentence(str(exc)))
        except InvalidInputError as exc:
            return self._pages.error(viewer, 400, _sentence(str(exc)))
        except (StoreUnavailableError, DBAPIError, OSError):
            # The pages' own reads (rollups, audit records) go to the engine directly, so a
            # database that fails after the session was read raises its driver's error here.
            log.warning("console page without its database", exc_info=True)
            return self._pages.error(viewer, 503, "The database is unavailable; retry later.")


def same_origin(request: Request) -> bool:
    """A browser names the page a form came from (Origin, else Referer); when it does, it must
    be this gateway. SameSite=Strict and the CSRF token already stop other sites; this keeps
    a form posted from another origin from even being read."""
    source = request.headers.get("origin") or request.headers.get("referer")
    if not source or source == "null":
        return source is None
    parts = urlsplit(source)
    return parts.netloc == request.headers.get("host", "")


def _sentence(text: str) -> str:
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "."
