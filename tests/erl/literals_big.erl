-module(literals_big).
-export([main/0]).

%% Large literal terms from the literal pool: deep tuples, long lists, maps, binaries, shared subterms.

-define(BIG_LIST, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]).

main() ->
    L = {config, [{name, "girder"}, {version, {0, 1, 0}}, {features, [maps, binaries, bignums, floats]},
                  {limits, #{procs => 1000000, atoms => 1048576, ratio => 0.75}},
                  {blob, <<"literal binary data that is long enough to be interesting">>},
                  {big, 123456789012345678901234567890123456789}, {neg, -98765432109876543210},
                  {nested, {{{{{{{{{{deep}}}}}}}}}}}, {list, ?BIG_LIST}, {again, ?BIG_LIST}]},
    io:format("~p~n", [L]),
    io:format("~w~n", [erlang:phash2(L)]),
    io:format("~w~n", [byte_size(term_to_binary(L))]),
    M = #{a => 1, b => [2], c => {3}, d => <<4>>, e => 5.0, f => "six", g => #{h => i}},
    io:format("~p~n", [M]),
    io:format("~p~n", [maps:get(g, M)]),
    Big = #{1 => a, 2 => b, 3 => c, 4 => d, 5 => e, 6 => f, 7 => g, 8 => h, 9 => i, 10 => j, 11 => k, 12 => l,
            13 => m, 14 => n, 15 => o, 16 => p, 17 => q, 18 => r, 19 => s, 20 => t, 21 => u, 22 => v, 23 => w,
            24 => x, 25 => y, 26 => z, 27 => aa, 28 => bb, 29 => cc, 30 => dd, 31 => ee, 32 => ff, 33 => gg,
            34 => hh, 35 => ii},
    io:format("~w~n", [maps:keys(Big)]),
    io:format("~w~n", [maps:get(35, Big)]),
    io:format("~p~n", [element(2, lists:keyfind(again, 1, element(2, L))) =:= ?BIG_LIST]),
    S = "a literal string with escapes \t \" \\ \x{e9} and numbers 0123456789",
    io:format("~p ~w~n", [S, length(S)]),
    ok.
