# strings inside lists use Python's repr quoting; top-level strings print raw
import asyncio

async def main():
    print(["it's", 'say "hi"', "a\nb", "tab\t", "back\\slash", "both ' \""])
    print(repr("it's"), repr("x"), str(1.0), repr(None), repr(True), repr([1, 2]))
    print("", "x", "")
    print([[], [[]], ["", True, False]])
    print(-0.0, 0.0, -7 // 2, -7 % 3, 7.5 // 2, 9223372036854775807)

asyncio.run(main())
