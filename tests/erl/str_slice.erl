-module(str_slice).
-export([main/0]).

%% string:slice, take, next_grapheme, next_codepoint, prefix, chr, substr, sub_word, to_graphemes.

main() ->
    S = "hello, wörld",
    B = <<"hello, wörld"/utf8>>,
    io:format("~tp ~tp~n", [string:slice(S, 3), string:slice(B, 3)]),
    io:format("~tp ~tp~n", [string:slice(S, 3, 4), string:slice(B, 7, 100)]),
    io:format("~tp~n", [string:take(S, "hel")]),
    io:format("~tp~n", [string:take(S, "hel", true)]),
    io:format("~tp~n", [string:take(B, "dlr", false, trailing)]),
    io:format("~tp~n", [string:next_grapheme(S)]),
    io:format("~tp~n", [string:next_grapheme(<<"öx"/utf8>>)]),
    io:format("~tp~n", [string:next_codepoint(<<"öx"/utf8>>)]),
    io:format("~tp~n", [string:next_grapheme("")]),
    io:format("~tp ~tp~n", [string:prefix(S, "hell"), string:prefix(S, "x")]),
    io:format("~tp~n", [string:prefix(B, <<"hello">>)]),
    io:format("~p ~p~n", [string:chr(S, $o), string:rchr(S, $o)]),
    io:format("~tp ~tp~n", [string:substr(S, 2, 3), string:sub_word("one two three", 2)]),
    io:format("~tp~n", [string:to_graphemes(S)]),
    io:format("~tp~n", [string:to_graphemes(B)]),
    io:format("~p~n", [string:words("one two  three")]),
    io:format("~tp~n", [string:chomp("line\n")]),
    io:format("~tp~n", [string:chomp(<<"line\r\n">>)]),
    ok.
