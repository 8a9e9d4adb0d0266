"""Teacher pages of one story: the articles side by side, the report's views, prompts, handout."""
from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse

from .common import NotFound, flash, read_form, render, state, teacher_only
from .storyview import LAYERS, PAGE_TITLES, PAGES


async def _page(request):
    sid = request.path_params["sid"]
    if state(request).store.story(sid) is None:
        raise NotFound("There is no such story.")
    page = await run_in_threadpool(state(request).stories.get, sid)
    if page is None:
        raise NotFound("There is no such story.")
    return page


def _nav(sid: str):
    return [(f"/t/story/{sid}" + ("" if p == "articles" else f"/{p}"), t, p) for p, t, _ in PAGES] + [
        (f"/t/story/{sid}/prompts", "Discussion prompts", "prompts"),
        (f"/t/story/{sid}/handout", "Printable handout", "handout"),
        (f"/t/story/{sid}/methods", "Methods and limits", "methods")]


@teacher_only
async def story_articles(request):
    page = await _page(request)
    return render(request, "story.html", title=f"{page.name}: articles", page=page, nav=_nav(page.sid), current="articles",
                  layers=LAYERS)


@teacher_only
async def story_section(request):
    name = request.path_params["page"]
    if name not in PAGE_TITLES or name == "articles":
        raise NotFound()
    page = await _page(request)
    return render(request, "story_section.html", title=f"{page.name}: {PAGE_TITLES[name]}", page=page,
                  nav=_nav(page.sid), current=name, sections=page.sections_of(name), heading=PAGE_TITLES[name])


@teacher_only
async def story_prompts(request):
    page = await _page(request)
    return render(request, "story_prompts.html", title=f"{page.name}: discussion prompts", page=page, nav=_nav(page.sid),
                  current="prompts")


@teacher_only
async def story_methods(request):
    page = await _page(request)
    return render(request, "story_methods.html", title=f"{page.name}: methods and limits", page=page, nav=_nav(page.sid),
                  current="methods")


@teacher_only
async def story_handout(request):
    page = await _page(request)
    from .storyview import article_markup

    texts = [article_markup(page, i, layers=("finding",)) for i in range(len(page.view.articles))]
    return render(request, "handout.html", title=f"Handout: {page.name}", page=page, texts=texts, nav=_nav(page.sid),
                  current="handout")


@teacher_only
async def story_delete(request):
    st = state(request)
    await read_form(request, st.settings.max_form_bytes)
    sid = request.path_params["sid"]
    row = next((s for s in st.store.stories() if s["id"] == sid), None)
    if row is None:
        raise NotFound("There is no such story.")
    if row["n_activities"]:
        flash(request, f"“{row['name']}” is used by {row['n_activities']} activity(ies): delete their class first.", "error")
        return RedirectResponse("/t/library", status_code=303)
    st.store.delete_story(sid)
    st.stories.forget(sid)
    flash(request, f"Deleted the story “{row['name']}”.")
    return RedirectResponse("/t/library", status_code=303)
