-module(int_bigdiv_stress).
-export([main/0]).

%% Bignum division/multiplication stress with a deterministic generator; identities are checked
%% and checksums printed.

main() ->
    Pairs = gen(300, 987654321, []),
    {Ok, Sum} = lists:foldl(fun({A, B}, {Good, S}) ->
                                    Q = A div B, R = A rem B,
                                    Good2 = Good andalso Q * B + R =:= A andalso abs(R) < abs(B),
                                    {Good2, (S + Q + R * 7 + (A * B) rem 1000000007) rem (1 bsl 200)}
                            end, {true, 0}, Pairs),
    io:format("~w ~w~n", [Ok, Sum]),
    {A1, B1} = hd(Pairs),
    io:format("~w~n~w~n~w~n~w~n", [A1, B1, A1 div B1, A1 rem B1]),
    X = pow(3, 1000),
    Y = pow(7, 300) + 1,
    io:format("~w~n", [X div Y]),
    io:format("~w~n", [X rem Y]),
    io:format("~w~n", [(X * Y) div X =:= Y]),
    io:format("~w~n", [integer_to_list(pow(2, 4000)) =:= lists:flatten(io_lib:format("~w", [pow(2, 4000)]))]),
    io:format("~w~n", [length(integer_to_list(pow(10, 5000) - 1))]),
    io:format("~w~n", [list_to_integer(integer_to_list(pow(12345, 678), 36), 36) =:= pow(12345, 678)]),
    ok.

gen(0, _, Acc) -> Acc;
gen(N, S, Acc) ->
    S1 = (S * 6364136223846793005 + 1442695040888963407) rem (1 bsl 64),
    S2 = (S1 * 6364136223846793005 + 1442695040888963407) rem (1 bsl 64),
    A = (S1 bsl (S1 rem 200)) * sign(S2) + S2,
    B = case (S2 bsr (S1 rem 64)) + 1 of 0 -> 1; V -> V * sign(S1) end,
    gen(N - 1, S2, [{A, B} | Acc]).

sign(X) when X rem 2 =:= 0 -> 1;
sign(_) -> -1.

pow(_, 0) -> 1;
pow(B, E) -> B * pow(B, E - 1).
