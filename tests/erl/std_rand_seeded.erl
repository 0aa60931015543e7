-module(std_rand_seeded).
-export([main/0]).

%% rand with explicit seeds and state passing: fully deterministic streams for every algorithm.

main() ->
    Algs = [exsss, exrop, exs1024s, exsp, exs64, exsplus, exs1024, exro928ss, dummy],
    [begin
         S0 = rand:seed_s(Alg, {1, 2, 3}),
         {Ints, S1} = take(fun rand:uniform_s/2, 100, 8, S0),
         {Floats, _} = take(fun(_, S) -> rand:uniform_s(S) end, x, 3, S1),
         io:format("~p ~w ~w~n", [Alg, Ints, Floats])
     end || Alg <- Algs],
    S = rand:seed_s(exsss, {42, 42, 42}),
    {N1, S2} = rand:normal_s(S),
    {N2, _} = rand:normal_s(10.0, 4.0, S2),
    io:format("~w ~w~n", [N1, N2]),
    {Big, _} = rand:uniform_s(1 bsl 100, S),
    io:format("~w~n", [Big]),
    {Bin, _} = rand:bytes_s(16, S),
    io:format("~w~n", [Bin]),
    io:format("~w~n", [rand:export_seed_s(rand:seed_s(exsss, {1, 2, 3}))]),
    ok.

take(_, _, 0, S) -> {[], S};
take(F, Arg, N, S) ->
    {V, S1} = F(Arg, S),
    {Rest, S2} = take(F, Arg, N - 1, S1),
    {[V | Rest], S2}.
