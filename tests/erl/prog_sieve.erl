-module(prog_sieve).
-export([main/0]).

%% Prime sieves: list-based, map-based, and binary (bit array) based; counts and sums.

main() ->
    P1 = list_sieve(lists:seq(2, 5000)),
    io:format("~w ~w ~w~n", [length(P1), lists:sum(P1), lists:last(P1)]),
    P2 = bin_sieve(20000),
    io:format("~w ~w~n", [length(P2), lists:sum(P2)]),
    io:format("~w~n", [lists:sublist(P2, 25)]),
    io:format("~w~n", [P1 =:= lists:takewhile(fun(X) -> X =< 5000 end, P2)]),
    io:format("~w~n", [twin(P2)]),
    ok.

list_sieve([]) -> [];
list_sieve([P | T]) -> [P | list_sieve([X || X <- T, X rem P =/= 0])].

bin_sieve(N) ->
    B0 = <<0:(N + 1)/unit:8>>,
    B = mark(2, N, B0),
    [I || I <- lists:seq(2, N), binary:at(B, I) =:= 0].

mark(P, N, B) when P * P > N -> B;
mark(P, N, B) ->
    case binary:at(B, P) of
        1 -> mark(P + 1, N, B);
        0 -> mark(P + 1, N, cross(P * P, P, N, B))
    end.

cross(I, _, N, B) when I > N -> B;
cross(I, P, N, B) ->
    <<Pre:I/binary, _, Post/binary>> = B,
    cross(I + P, P, N, <<Pre/binary, 1, Post/binary>>).

twin([A, B | T]) when B - A =:= 2 -> 1 + twin([B | T]);
twin([_ | T]) -> twin(T);
twin([]) -> 0.
