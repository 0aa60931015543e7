-module(str_basic).
-export([main/0]).

%% string module basics on list and binary strings: length, uppercase, lowercase, casefold,
%% trim, pad, reverse, is_empty, equal, titlecase.

main() ->
    Ss = ["  Hello World  ", <<"  Hello World  ">>, "", <<>>, "ÅäÖ straße", <<"ÅäÖ straße"/utf8>>, ["ab", <<"cd">>, $e]],
    [begin
         io:format("~tp~n", [S]),
         io:format("  len=~p upper=~tp lower=~tp~n", [string:length(S), string:uppercase(S), string:lowercase(S)]),
         io:format("  casefold=~tp title=~tp~n", [string:casefold(S), string:titlecase(S)]),
         io:format("  trim=~tp leading=~tp trailing=~tp~n", [string:trim(S), string:trim(S, leading), string:trim(S, trailing)]),
         io:format("  empty=~p reverse=~tp~n", [string:is_empty(S), string:reverse(S)])
     end || S <- Ss],
    io:format("~tp~n", [string:trim("xxhixx", both, "x")]),
    io:format("~tp~n", [string:trim(<<"..a.b..">>, both, ".")]),
    io:format("~tp~n", [string:pad("abc", 8)]),
    io:format("~tp~n", [string:pad("abc", 8, leading)]),
    io:format("~tp~n", [string:pad("abc", 8, both, $*)]),
    io:format("~tp~n", [string:pad(<<"abc">>, 2)]),
    io:format("~p ~p~n", [string:equal("abc", <<"abc">>), string:equal("abc", "ABC", true)]),
    io:format("~p~n", [string:equal("a", "b")]),
    ok.
