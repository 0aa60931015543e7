-module(str_split).
-export([main/0]).

%% string:split, lexemes, tokens, find, replace, string:join, string:str/rstr.

main() ->
    S = "a,b,,c;d",
    B = <<"a,b,,c;d">>,
    io:format("~p~n", [string:split(S, ",")]),
    io:format("~p~n", [string:split(S, ",", all)]),
    io:format("~p~n", [string:split(S, ",", trailing)]),
    io:format("~p~n", [string:split(B, ",", all)]),
    io:format("~p~n", [string:lexemes(S, ",;")]),
    io:format("~p~n", [string:lexemes(B, [$,, $;])]),
    io:format("~p~n", [string:lexemes("  many   spaces here ", " ")]),
    io:format("~p~n", [string:tokens("  many   spaces here ", " ")]),
    io:format("~p~n", [string:tokens("a-b_c", "-_")]),
    io:format("~p~n", [string:find("hello world", "o")]),
    io:format("~p~n", [string:find("hello world", "o", trailing)]),
    io:format("~p~n", [string:find(<<"hello world">>, "wor")]),
    io:format("~p~n", [string:find("hello", "z")]),
    io:format("~p~n", [string:replace("a.b.c", ".", "--")]),
    io:format("~p~n", [string:replace("a.b.c", ".", "--", all)]),
    io:format("~p~n", [string:replace(<<"a.b.c">>, ".", "", trailing)]),
    io:format("~p~n", [string:join(["x", "y", "z"], ", ")]),
    io:format("~p ~p~n", [string:str("hello", "ll"), string:rstr("hello hello", "ll")]),
    io:format("~p~n", [string:split("", ",")]),
    io:format("~p~n", [string:split("abc", "")]),
    io:format("~p~n", [string:split("a\r\nb", "\n")]),
    ok.
