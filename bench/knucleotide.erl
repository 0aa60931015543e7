%% knucleotide.erl — the Benchmarks Game's k-nucleotide: counts every k-mer
%% (k = 1, 2, 3, 4, 6, 12, 18) of a DNA sequence held in a binary, in maps;
%% the input is the third section of fasta's output, made in the VM (untimed).
%% group: sequential
%% args: n
%% full: 50000
%% quick: 5000
-module(knucleotide).
-export([main/1]).

dna(N) ->
    Bin = fasta:generate(N),
    [_, Three] = binary:split(Bin, <<">THREE Homo sapiens frequency\n">>),
    list_to_binary(string:uppercase(binary_to_list(binary:replace(Three, <<"\n">>, <<>>, [global])))).

counts(Seq, K) -> counts(Seq, K, 0, byte_size(Seq) - K, #{}).

counts(_, _, I, Last, M) when I > Last -> M;
counts(Seq, K, I, Last, M) ->
    Key = binary:part(Seq, I, K),
    counts(Seq, K, I + 1, Last, maps:update_with(Key, fun(C) -> C + 1 end, 1, M)).

freqs(Seq, K) ->
    M = counts(Seq, K),
    lists:sort(fun({A, X}, {B, Y}) -> {Y, A} =< {X, B} end, maps:to_list(M)).

run(Seq) ->
    F = [freqs(Seq, 1), freqs(Seq, 2)],
    Specific = [{S, maps:get(S, counts(Seq, byte_size(S)), 0)}
                || S <- [<<"GGT">>, <<"GGTA">>, <<"GGTATT">>, <<"GGTATTTTAATT">>,
                         <<"GGTATTTTAATTTATAGT">>]],
    {F, Specific}.

main([N]) ->
    Seq = dna(bench_lib:int(N)),
    {R, Us} = bench_lib:timed(fun() -> run(Seq) end),
    bench_lib:report(R, Us).
