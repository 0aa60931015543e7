-module(bin_module_split).
-export([main/0]).

%% binary:split, replace, match, matches, compile_pattern.

main() ->
    S = <<"a,b,,c,d,">>,
    io:format("~p~n", [binary:split(S, <<",">>)]),
    io:format("~p~n", [binary:split(S, <<",">>, [global])]),
    io:format("~p~n", [binary:split(S, <<",">>, [global, trim])]),
    io:format("~p~n", [binary:split(S, <<",">>, [global, trim_all])]),
    io:format("~p~n", [binary:split(S, [<<",">>, <<"c">>], [global])]),
    io:format("~p~n", [binary:split(S, <<",">>, [{scope, {2, 4}}, global])]),
    io:format("~p~n", [binary:split(<<>>, <<",">>)]),
    io:format("~p~n", [binary:split(<<"abc">>, <<"x">>)]),
    io:format("~p~n", [binary:replace(<<"aXbXc">>, <<"X">>, <<"--">>)]),
    io:format("~p~n", [binary:replace(<<"aXbXc">>, <<"X">>, <<"--">>, [global])]),
    io:format("~p~n", [binary:replace(<<"abcabc">>, <<"b">>, <<"[]">>, [global, {insert_replaced, 1}])]),
    io:format("~p~n", [binary:replace(<<"abcabc">>, [<<"a">>, <<"c">>], <<"_">>, [global])]),
    io:format("~p~n", [binary:match(<<"hello world">>, <<"o">>)]),
    io:format("~p~n", [binary:match(<<"hello world">>, [<<"wor">>, <<"lo">>])]),
    io:format("~p~n", [binary:match(<<"hello world">>, <<"z">>)]),
    io:format("~p~n", [binary:match(<<"hello world">>, <<"o">>, [{scope, {5, 6}}])]),
    io:format("~p~n", [binary:matches(<<"hello world">>, <<"o">>)]),
    io:format("~p~n", [binary:matches(<<"abcabcab">>, [<<"ab">>, <<"abc">>, <<"ca">>])]),
    io:format("~p~n", [binary:matches(<<"aaaa">>, <<"aa">>)]),
    P = binary:compile_pattern([<<", ">>, <<";">>]),
    io:format("~p~n", [binary:split(<<"x, y;z, w">>, P, [global])]),
    io:format("~p~n", [t(fun() -> binary:split(<<"abc">>, <<>>) end)]),
    io:format("~p~n", [t(fun() -> binary:match(abc, <<"a">>) end)]),
    io:format("~p~n", [t(fun() -> binary:match(<<"abc">>, <<"a">>, [{scope, {2, 5}}]) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
