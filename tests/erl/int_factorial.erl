-module(int_factorial).
-export([main/0]).

%% Huge factorials: exact values, digit counts, digit sums.

main() ->
    [io:format("~w! = ~w~n", [N, fact(N)]) || N <- [0, 1, 5, 20, 21, 25, 30, 50]],
    F1000 = fact(1000),
    L = integer_to_list(F1000),
    io:format("1000! has ~w digits, digit sum ~w~n", [length(L), lists:sum([C - $0 || C <- L])]),
    io:format("1000! trailing zeros ~w~n", [tz(F1000)]),
    io:format("first 50: ~s~n", [lists:sublist(L, 50)]),
    F3000 = fact(3000),
    io:format("3000! digits ~w, rem 1000000007 = ~w~n", [length(integer_to_list(F3000)), F3000 rem 1000000007]),
    io:format("3000!/2998! = ~w~n", [F3000 div fact(2998)]),
    io:format("bits ~w~n", [bits(F1000)]),
    ok.

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

tz(N) when N rem 10 =:= 0 -> 1 + tz(N div 10);
tz(_) -> 0.

bits(0) -> 0;
bits(N) -> 1 + bits(N bsr 1).
