%% fasta.erl — the Benchmarks Game's fasta: repeats and weighted random DNA
%% sequences built as binaries in 60-column lines; prints size and CRC.
%% group: sequential
%% args: n
%% full: 500000
%% quick: 50000
-module(fasta).
-export([main/1, generate/1]).

-define(ALU, <<"GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGA"
               "TCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACT"
               "AAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAG"
               "GCTGAGGCAGGAGAATCGCGTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCG"
               "CCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA">>).

iub() -> [{$a, 0.27}, {$c, 0.12}, {$g, 0.12}, {$t, 0.27},
          {$B, 0.02}, {$D, 0.02}, {$H, 0.02}, {$K, 0.02}, {$M, 0.02},
          {$N, 0.02}, {$R, 0.02}, {$S, 0.02}, {$V, 0.02}, {$W, 0.02}, {$Y, 0.02}].
homosapiens() -> [{$a, 0.3029549426680}, {$c, 0.1979883004921},
                  {$g, 0.1975473066391}, {$t, 0.3015094502008}].

-define(IM, 139968).
-define(IA, 3877).
-define(IC, 29573).

%% The whole output as one binary.
generate(N) ->
    A = repeat(?ALU, N * 2),
    {B, Seed} = random_seq(cumulative(iub()), N * 3, 42),
    {C, _} = random_seq(cumulative(homosapiens()), N * 5, Seed),
    iolist_to_binary([">ONE Homo sapiens alu\n", A,
                      ">TWO IUB ambiguity codes\n", B,
                      ">THREE Homo sapiens frequency\n", C]).

repeat(Src, N) ->
    Long = binary:copy(Src, (N div byte_size(Src)) + 2),
    lines(Long, N, []).

lines(_, 0, Acc) -> lists:reverse(Acc);
lines(Bin, N, Acc) ->
    L = min(60, N),
    <<Line:L/binary, _/binary>> = Bin,
    Rest = binary:part(Bin, L, byte_size(Bin) - L),
    lines(Rest, N - L, [$\n, Line | Acc]).

cumulative(Table) ->
    {L, _} = lists:mapfoldl(fun({C, P}, Acc) -> {{C, Acc + P}, Acc + P} end, 0.0, Table),
    L.

random_seq(Table, N, Seed) -> random_lines(Table, N, Seed, []).

random_lines(_, 0, Seed, Acc) -> {lists:reverse(Acc), Seed};
random_lines(Table, N, Seed, Acc) ->
    L = min(60, N),
    {Line, Seed1} = random_line(Table, L, Seed, <<>>),
    random_lines(Table, N - L, Seed1, [$\n, Line | Acc]).

random_line(_, 0, Seed, Acc) -> {Acc, Seed};
random_line(Table, K, Seed, Acc) ->
    Seed1 = (Seed * ?IA + ?IC) rem ?IM,
    R = Seed1 / ?IM,
    random_line(Table, K - 1, Seed1, <<Acc/binary, (pick(Table, R))>>).

pick([{C, _}], _) -> C;
pick([{C, P} | _], R) when R < P -> C;
pick([_ | T], R) -> pick(T, R).

main([N]) ->
    {Bin, Us} = bench_lib:timed(fun() -> generate(bench_lib:int(N)) end),
    bench_lib:report({byte_size(Bin), erlang:crc32(Bin)}, Us).
