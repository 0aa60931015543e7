-module(bin_b2t_errors).
-export([main/0]).

%% binary_to_term on malformed or hostile input must raise badarg, never crash.

main() ->
    Bad = [<<>>, <<131>>, <<130, 97, 1>>, <<131, 97>>, <<131, 98, 0, 0>>, <<131, 107, 0, 5, 1, 2>>,
           <<131, 109, 0, 0, 0, 10, 1>>, <<131, 104, 2, 97, 1>>, <<131, 108, 0, 0, 0, 2, 97, 1, 106>>,
           <<131, 110, 8, 0, 1>>, <<131, 100, 1, 0, 97>>, <<131, 119, 2, 255, 255>>,
           <<131, 70, 0, 0, 0>>, <<131, 70, 127, 240, 0, 0, 0, 0, 0, 0>>, <<131, 116, 0, 0, 0, 1, 97, 1>>,
           <<131, 77, 0, 0, 0, 1, 9, 1>>, <<131, 80, 0, 0, 0, 5, 1, 2, 3>>, <<131, 200>>,
           <<131, 97, 1, 2>>, <<131, 116, 0, 0, 0, 2, 97, 1, 97, 2, 97, 1, 97, 3>>, <<1, 2, 3>>, abc],
    [io:format("~w -> ~p~n", [B, t(fun() -> binary_to_term(B) end)]) || B <- Bad],
    io:format("~p~n", [t(fun() -> binary_to_term(<<131, 100, 0, 5, "zqxjk">>, [safe]) end)]),
    io:format("~p~n", [t(fun() -> binary_to_term(<<131, 97, 1>>, [bogus]) end)]),
    io:format("~p~n", [t(fun() -> binary_to_term(<<131, 97, 1, 0>>) end)]),
    io:format("~p~n", [binary_to_term(<<131, 116, 0, 0, 0, 0>>)]),
    io:format("~p~n", [binary_to_term(<<131, 110, 0, 0>>)]),
    io:format("~p~n", [binary_to_term(<<131, 110, 1, 1, 5>>)]),
    io:format("~p~n", [binary_to_term(<<131, 110, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1>>)]),
    io:format("~p~n", [binary_to_term(<<131, 107, 0, 0>>)]),
    io:format("~p~n", [binary_to_term(<<131, 99, "1.50000000000000000000e+00", 0:(31 - 26)/unit:8>>)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
