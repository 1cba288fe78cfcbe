#!/bin/sh
# A test "browser" for BROWSER: records each URL it is asked to open (one line in $TEST_BROWSER_LOG), then visits it
# and follows redirects, as a person who approves would (the fake Identity Center approves or denies). With
# TEST_BROWSER_MODE=ignore it opens nothing: the person never answers.
[ -n "$TEST_BROWSER_LOG" ] && echo "$1" >> "$TEST_BROWSER_LOG"
[ "$TEST_BROWSER_MODE" = ignore ] && exit 0
exec python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=30).read()' "$1"
