-module(int_div_rem).
-export([main/0]).

%% div and rem with all sign combinations and bignums.

main() ->
    Ns = [0, 7, -7, 100, -100, 1 bsl 59, -(1 bsl 59), (1 bsl 60) + 3, 1 bsl 64, -(1 bsl 64) - 1,
          123456789012345678901234567890, -98765432109876543210987654321],
    Ds = [1, -1, 2, -2, 3, -3, 7, 1 bsl 32, -(1 bsl 32), 1 bsl 60, 1 bsl 65, -(1 bsl 70) + 1],
    [io:format("~w div ~w = ~w, rem = ~w~n", [N, D, N div D, N rem D]) || N <- Ns, D <- Ds],
    %% identity check
    Ok = lists:all(fun({N, D}) -> (N div D) * D + (N rem D) =:= N end,
                   [{N, D} || N <- Ns, D <- Ds]),
    io:format("identity ~w~n", [Ok]),
    %% most negative small / -1
    io:format("~w~n", [-(id(1) bsl 59) div id(-1)]),
    io:format("~w~n", [-(id(1) bsl 63) div id(-1)]),
    io:format("~w~n", [-(id(1) bsl 63) rem id(-1)]),
    io:format("~w~n", [t(fun() -> id(1) div id(0) end)]),
    io:format("~w~n", [t(fun() -> (id(1) bsl 80) rem id(0) end)]),
    io:format("~w~n", [t(fun() -> id(10) div id(2.0) end)]),
    ok.

t(F) -> try F() catch C:R -> {C, R} end.
id(X) -> X.
