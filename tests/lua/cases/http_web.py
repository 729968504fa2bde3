import asyncio, time
import aiohttp
from aiohttp import web

WEB = {
    "a": (0.3, "page A", 200),
    "b": (0.1, "page B", 200),
    "teapot": (0.2, "short and stout", 418),
    "gone": (0.1, "gone", 410),
    "accepted": (0.1, "queued", 202),
    "down": (0.1, "timeout", 504),
    "slow": (2, "slow", 200),
}
BASE = None

async def handler(request):
    lat, body, status = WEB[request.match_info["p"]]
    await asyncio.sleep(lat)
    return web.Response(text=body, status=status)

def at(t0):
    return f"{time.monotonic() - t0:.1f}"

async def fetch(session, path, t0):
    resp = await session.get(BASE + path)
    body = await resp.text()
    print(path, resp.status, resp.reason, resp.ok, body, at(t0))
    return len(body)

async def main():
    global BASE
    app = web.Application()
    app.router.add_get("/{p}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    BASE = f"http://127.0.0.1:{port}/"

    t0 = time.monotonic()
    session = aiohttp.ClientSession()
    sizes = await asyncio.gather(fetch(session, "a", t0), fetch(session, "b", t0),
                                 fetch(session, "teapot", t0))
    print("sizes:", sizes, at(t0))
    for p in ("gone", "accepted", "down"):
        await fetch(session, p, t0)
    resp = await session.get(BASE + "b")
    print("text twice:", await resp.text(), await resp.text())
    try:
        await asyncio.wait_for(session.get(BASE + "slow"), 0.5)
    except BaseException as e:
        print("slow:", False, type(e).__name__, at(t0))
    await session.close()
    try:
        await session.get(BASE + "a")
    except BaseException as e2:
        print("closed:", False, type(e2).__name__, str(e2))
    await runner.cleanup()

asyncio.run(main())
