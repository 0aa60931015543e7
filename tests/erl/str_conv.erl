-module(str_conv).
-export([main/0]).

%% string:to_integer, to_float, and the old list API (copies, chars, centre, left, right, strip).

main() ->
    [io:format("~p -> ~p ~p~n", [S, string:to_integer(S), string:to_float(S)])
     || S <- ["42", "-7abc", "3.14xyz", "1.0e3", "abc", "", "+5", " 5", "1e5", <<"99 bottles">>, <<"2.5">>]],
    io:format("~p~n", [string:copies("ab", 3)]),
    io:format("~p~n", [string:chars($x, 4)]),
    io:format("~p~n", [string:chars($x, 2, "tail")]),
    io:format("~p~n", [string:centre("mid", 9)]),
    io:format("~p~n", [string:centre("mid", 8, $.)]),
    io:format("~p~n", [string:left("left", 8, $-)]),
    io:format("~p~n", [string:right("right", 8, $-)]),
    io:format("~p~n", [string:left("truncated", 4)]),
    io:format("~p~n", [string:strip("  both  ")]),
    io:format("~p~n", [string:strip("xxleftxx", left, $x)]),
    io:format("~p~n", [string:to_upper("mixed Case 123")]),
    io:format("~p~n", [string:to_lower("MIXED Case")]),
    io:format("~p~n", [string:to_upper($a)]),
    io:format("~p~n", [string:span("abcxyz", "cba")]),
    io:format("~p~n", [string:cspan("abcxyz", "yx")]),
    io:format("~p~n", [string:len("four")]),
    io:format("~p~n", [string:concat("con", "cat")]),
    io:format("~p~n", [string:substr("substring", 4)]),
    io:format("~p~n", [string:tokens("1,2;3", ",;")]),
    ok.
