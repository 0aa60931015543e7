-module(std_proplists).
-export([main/0]).

%% proplists: get_value, get_bool, lookup, append_values, expand, normalize, delete, split, to_map.

main() ->
    P = [{a, 1}, b, {c, 3}, {a, 2}, {d, [x]}, {e, true}, {f, false}, "ignored"],
    io:format("~p ~p ~p~n", [proplists:get_value(a, P), proplists:get_value(b, P), proplists:get_value(z, P, dflt)]),
    io:format("~p ~p ~p~n", [proplists:get_bool(b, P), proplists:get_bool(e, P), proplists:get_bool(f, P)]),
    io:format("~p ~p~n", [proplists:lookup(c, P), proplists:lookup(z, P)]),
    io:format("~p~n", [proplists:lookup_all(a, P)]),
    io:format("~p~n", [proplists:get_all_values(a, P)]),
    io:format("~p~n", [proplists:append_values(d, [{d, [y]}, {d, z} | P])]),
    io:format("~p ~p~n", [proplists:is_defined(b, P), proplists:is_defined(q, P)]),
    io:format("~p~n", [proplists:delete(a, P)]),
    io:format("~p~n", [proplists:get_keys(P)]),
    io:format("~p~n", [proplists:compact([{a, true}, {b, 1}, c])]),
    io:format("~p~n", [proplists:unfold([a, {b, 1}])]),
    io:format("~p~n", [proplists:expand([{foo, [bar, baz]}], [foo, quux])]),
    io:format("~p~n", [proplists:substitute_aliases([{colour, color}], [{colour, red}, x])]),
    io:format("~p~n", [proplists:substitute_negations([{no_debug, debug}], [no_debug, {no_debug, false}])]),
    io:format("~p~n", [proplists:normalize([a, {b, 2}], [{aliases, [{a, alpha}]}])]),
    io:format("~p~n", [proplists:split([{a, 1}, {b, 2}, c, {a, 3}], [a, c])]),
    io:format("~p~n", [proplists:to_map([{a, 1}, b, {a, 2}])]),
    io:format("~p~n", [lists:sort(proplists:from_map(#{x => 1, y => 2}))]),
    io:format("~p~n", [proplists:property(a, true)]),
    io:format("~p~n", [proplists:property({b, 5})]),
    ok.
